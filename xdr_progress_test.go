package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgressCoalescing(t *testing.T) {
	var p Progress
	fire, arm := p.Data(0)
	assert.True(t, fire, "the first data fires at once")
	assert.Zero(t, arm)
	fire, arm = p.Data(10 * ms)
	assert.False(t, fire, "within 50 ms: deferred")
	assert.Equal(t, 40*ms, arm, "a timer for the rest of the interval")
	fire, arm = p.Data(20 * ms)
	assert.False(t, fire)
	assert.Zero(t, arm, "the timer already runs")
	fire, arm = p.Tick(50 * ms)
	assert.True(t, fire, "the timer reports the deferred data")
	assert.Zero(t, arm)
	fire, _ = p.Data(120 * ms)
	assert.True(t, fire, "after the interval: at once")
	owed, _ := p.Finish(130 * ms)
	assert.False(t, owed, "nothing owed at the end")

	var q Progress
	q.Data(0)
	q.Data(5 * ms)
	owed, wait := q.Finish(10 * ms)
	assert.True(t, owed, "the last data is owed an onprogress before onload")
	assert.Equal(t, 40*ms, wait, "50 ms after the previous one")
	var q2 Progress
	q2.Data(0)
	q2.Data(5 * ms)
	owed, wait = q2.Finish(80 * ms)
	assert.True(t, owed)
	assert.Zero(t, wait, "the interval has passed: at once")

	var r Progress
	r.Data(0)
	_, arm = r.Data(10 * ms)
	fire, arm2 := r.Tick(30 * ms) // early timer
	assert.False(t, fire)
	assert.Equal(t, 20*ms, arm2)
	_ = arm
	fire, _ = r.Tick(50 * ms)
	assert.True(t, fire)
	fire, _ = r.Tick(200 * ms)
	assert.False(t, fire, "a tick with nothing pending fires nothing")
}

// TestProgressRate checks that a stream of data every ms gives at most one
// onprogress per 50 ms and leaves none owed at the end.
func TestProgressRate(t *testing.T) {
	var p Progress
	var fires []time.Duration
	timerAt := time.Duration(-1)
	for now := time.Duration(0); now <= 1000*ms; now += ms {
		if timerAt >= 0 && now >= timerAt {
			timerAt = -1
			if fire, arm := p.Tick(now); fire {
				fires = append(fires, now)
			} else if arm > 0 {
				timerAt = now + arm
			}
		}
		fire, arm := p.Data(now)
		if fire {
			fires = append(fires, now)
		} else if arm > 0 {
			timerAt = now + arm
		}
	}
	for i := 1; i < len(fires); i++ {
		assert.GreaterOrEqual(t, fires[i]-fires[i-1], ProgressInterval)
	}
	assert.InDelta(t, 21, len(fires), 1)
}

// TestProgressDataWhileArmed holds the promise the edge relies on to skip
// reporting data while a progress timer runs: such data changes nothing.
func TestProgressDataWhileArmed(t *testing.T) {
	var p Progress
	p.Data(0)
	_, arm := p.Data(10 * ms)
	require.Positive(t, arm)
	before := p
	for now := 11 * ms; now < 50*ms; now += 7 * ms {
		fire, arm := p.Data(now)
		assert.False(t, fire)
		assert.Zero(t, arm)
		assert.Equal(t, before, p, "data while the timer runs changes nothing")
	}
	fire, _ := p.Tick(50 * ms)
	assert.True(t, fire, "the timer reports the pending data")
}
