package main

// onprogress coalescing: at most one per ProgressInterval while data keeps
// coming, a deferred one when it pauses, one for the last data before onload.

import "time"

// ProgressInterval is the least time between two onprogress events while
// data keeps arriving.
const ProgressInterval = 50 * time.Millisecond

// Progress coalesces onprogress: at most one per ProgressInterval while data
// flows, a deferred one when the interval has passed, and one for the last
// data before onload.
type Progress struct {
	last    time.Duration // when the last onprogress fired
	fired   bool          // at least one onprogress fired
	pending bool          // data arrived that no onprogress has reported
	armed   bool          // a timer for the pending data is running
}

// Data reports that body data arrived at now. It says whether to fire
// onprogress now, or else, when arm > 0, to start a timer for arm. Until
// that timer is due, further data changes nothing (the data is already
// pending); after, it would fire what the due timer fires a moment later.
// So the edge does not report data while the timer runs: one crossing per
// progress interval instead of one per chunk.
func (p *Progress) Data(now time.Duration) (fire bool, arm time.Duration) {
	if !p.fired || now-p.last >= ProgressInterval {
		p.fired, p.last, p.pending = true, now, false
		return true, 0
	}
	p.pending = true
	if p.armed {
		return false, 0
	}
	p.armed = true
	return false, p.last + ProgressInterval - now
}

// Armed tells whether the timer Data asked for runs: until it does,
// further data changes nothing.
func (p *Progress) Armed() bool { return p.armed }

// Tick reports that the timer started by Data ran out at now.
func (p *Progress) Tick(now time.Duration) (fire bool, arm time.Duration) {
	p.armed = false
	if !p.pending {
		return false, 0
	}
	if now-p.last < ProgressInterval { // a timer that ran early
		p.armed = true
		return false, p.last + ProgressInterval - now
	}
	p.fired, p.last, p.pending = true, now, false
	return true, 0
}

// Finish reports the end of the body at now: whether one last onprogress
// is owed and, when the previous one fired less than ProgressInterval
// before now, how long it must wait (the interval holds for the last one
// too: it is measured from the previous call).
func (p *Progress) Finish(now time.Duration) (owed bool, wait time.Duration) {
	owed = p.pending
	p.pending, p.armed = false, false
	if owed && p.fired && now-p.last < ProgressInterval {
		wait = p.last + ProgressInterval - now
	}
	return owed, wait
}

// Fired records an onprogress fired at now outside Data and Tick (the owed
// one of a body that ended, after its wait).
func (p *Progress) Fired(now time.Duration) { p.fired, p.last = true, now }
