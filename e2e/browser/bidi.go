//go:build !(js && wasm)

package browser

// A WebDriver BiDi client, the protocol Firefox speaks itself (no
// geckodriver): a WebSocket connection, commands with ids and their
// answers, events, and the decoding of script.evaluate's remote values.
// firefox.go starts Firefox and drives its tabs with it.

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/coder/websocket"
)

// bidiMsg is a message from the browser: a reply (id) or an event (method).
type bidiMsg struct {
	Type    string          `json:"type"`
	ID      *int64          `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params"`
}

// bidiConn is one WebDriver BiDi connection: commands with replies matched by
// id, and events passed to onEvent (which must not block).
type bidiConn struct {
	ws      *websocket.Conn
	next    atomic.Int64
	mu      sync.Mutex
	pending map[int64]chan bidiMsg
	done    chan struct{}
	err     error
	onEvent func(method string, params json.RawMessage)
}

func dialBiDi(ctx context.Context, url string, onEvent func(string, json.RawMessage)) (*bidiConn, error) {
	ws, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		return nil, err
	}
	ws.SetReadLimit(256 << 20) // screenshots
	c := &bidiConn{ws: ws, pending: map[int64]chan bidiMsg{}, done: make(chan struct{}), onEvent: onEvent}
	go c.read()
	return c, nil
}

func (c *bidiConn) read() {
	defer close(c.done)
	for {
		_, data, err := c.ws.Read(context.Background())
		if err != nil {
			c.mu.Lock()
			c.err = err
			c.mu.Unlock()
			return
		}
		var m bidiMsg
		if err := json.Unmarshal(data, &m); err != nil {
			continue
		}
		if m.ID != nil {
			c.mu.Lock()
			ch := c.pending[*m.ID]
			delete(c.pending, *m.ID)
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		if m.Type == "event" && c.onEvent != nil {
			c.onEvent(m.Method, m.Params)
		}
	}
}

// call sends a command and decodes its result into out (when not nil).
func (c *bidiConn) call(ctx context.Context, method string, params, out any) error {
	if params == nil {
		params = struct{}{}
	}
	id := c.next.Add(1)
	b, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return err
	}
	ch := make(chan bidiMsg, 1)
	c.mu.Lock()
	c.pending[id] = ch
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, id)
		c.mu.Unlock()
	}()
	if err := c.ws.Write(ctx, websocket.MessageText, b); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Type == "error" {
			return fmt.Errorf("%s: %s: %s", method, m.Error, m.Message)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-c.done:
		return fmt.Errorf("%s: the connection to Firefox closed: %v", method, c.err)
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// remoteValue is a serialized script value of WebDriver BiDi.
type remoteValue struct {
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
}

// toJSON turns a value into what JSON.stringify would keep (as chromedp's
// returnByValue does): undefined members of objects are left out, NaN and
// the infinities are null, and objects with no serializable value are {}.
func (v remoteValue) toJSON() (any, bool) {
	switch v.Type {
	case "undefined":
		return nil, false
	case "null":
		return nil, true
	case "string", "boolean":
		var x any
		_ = json.Unmarshal(v.Value, &x)
		return x, true
	case "number":
		var f float64
		if json.Unmarshal(v.Value, &f) == nil {
			return f, true
		}
		var s string
		_ = json.Unmarshal(v.Value, &s)
		switch s {
		case "-0":
			return 0, true
		}
		return nil, true // NaN, Infinity, -Infinity
	case "bigint":
		var s string
		_ = json.Unmarshal(v.Value, &s)
		return json.Number(s), true
	case "array", "set":
		var items []remoteValue
		_ = json.Unmarshal(v.Value, &items)
		out := make([]any, 0, len(items))
		for _, it := range items {
			x, _ := it.toJSON()
			out = append(out, x)
		}
		return out, true
	case "object", "map":
		var pairs [][2]json.RawMessage
		_ = json.Unmarshal(v.Value, &pairs)
		out := make(map[string]any, len(pairs))
		for _, p := range pairs {
			var key string
			if json.Unmarshal(p[0], &key) != nil {
				var k remoteValue
				_ = json.Unmarshal(p[0], &k)
				kv, _ := k.toJSON()
				key = fmt.Sprint(kv)
			}
			var val remoteValue
			_ = json.Unmarshal(p[1], &val)
			if x, ok := val.toJSON(); ok {
				out[key] = x
			}
		}
		return out, true
	case "date":
		var s string
		_ = json.Unmarshal(v.Value, &s)
		return s, true
	}
	return map[string]any{}, true
}
