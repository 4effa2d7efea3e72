package main

// The timeout property: what an assignment accepts (numbers and numeric
// strings, -1 and 0 for none), and the timer armed at send().

import "time"

// ValueKind is the JavaScript type of a value handed to the core.
type ValueKind uint8

const (
	KindOther ValueKind = iota // object, boolean, symbol, bigint, function
	KindUndefined
	KindNull
	KindNumber
	KindString
)

// MaxTimeout is where timeout values are capped (2^31-1 ms).
const MaxTimeout = 1<<31 - 1

// CoerceTimeout decides an assignment to timeout. Numbers and numeric
// strings (read as JavaScript's Number() reads them, by StringToNumber: so
// "" and blank strings are 0, "0x10" is 16) are accepted; -1 and 0 mean no
// time-out; fractions are truncated; values above MaxTimeout are capped. NaN, non-numbers and negative values
// other than -1 are refused with MsgInvalidArgument.
func CoerceTimeout(kind ValueKind, num float64, str string) (int64, string) {
	switch kind {
	case KindNumber:
	case KindString:
		num = StringToNumber(str) // as Number(str): NaN is refused below
	default:
		return 0, MsgInvalidArgument
	}
	if num != num { // NaN
		return 0, MsgInvalidArgument
	}
	if num == -1 {
		return -1, ""
	}
	if num < 0 {
		return 0, MsgInvalidArgument
	}
	if num >= MaxTimeout {
		return MaxTimeout, ""
	}
	return int64(num), ""
}

// TimeoutDelay is the timer to arm at send() for a timeout property value;
// 0 means none.
func TimeoutDelay(timeout int64) time.Duration {
	if timeout <= 0 {
		return 0
	}
	if timeout > MaxTimeout {
		timeout = MaxTimeout
	}
	return time.Duration(timeout) * time.Millisecond
}
