package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Graph is loose about JSON types: IDs come quoted or not, booleans as true
// or "true", and some values bare or wrapped in an object. These helpers read
// every shape seen, and every endpoint decodes with them.

// flexString accepts a JSON string or number: Graph documents several IDs as
// "numeric string" and is not consistent about quoting them.
type flexString string

func (s *flexString) UnmarshalJSON(data []byte) error {
	t := strings.TrimSpace(string(data))
	if t == "null" {
		return nil
	}
	if strings.HasPrefix(t, `"`) {
		var v string
		if err := json.Unmarshal(data, &v); err != nil {
			return err
		}
		*s = flexString(v)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(data, &n); err != nil {
		return err
	}
	*s = flexString(n.String())
	return nil
}

// flexPtr is the string s holds, or nil when the field was absent. A
// *flexString is a *string underneath, so no copy is made.
func flexPtr(s *flexString) *string { return (*string)(s) }

// flexInt accepts a JSON number or a numeric string.
type flexInt int64

func (i *flexInt) UnmarshalJSON(data []byte) error {
	t := strings.Trim(strings.TrimSpace(string(data)), `"`)
	if t == "null" || t == "" {
		return nil
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return err
	}
	// Converting NaN, an infinity or a value past int64 gives an arbitrary
	// number; refuse them instead.
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 1<<63 {
		return fmt.Errorf("%s is not an integer in range", t)
	}
	*i = flexInt(f)
	return nil
}

// optionalInt is a flexInt that remembers whether a value was present: an
// absent field, null and the empty string all mean "not reported", where a
// plain *flexInt would turn "" into a reported zero.
type optionalInt struct {
	value flexInt
	set   bool
}

func (o *optionalInt) UnmarshalJSON(data []byte) error {
	t := strings.Trim(strings.TrimSpace(string(data)), `"`)
	if t == "null" || t == "" {
		*o = optionalInt{}
		return nil
	}
	if err := o.value.UnmarshalJSON(data); err != nil {
		return err
	}
	o.set = true
	return nil
}

// ptr is the value, or nil when none was reported.
func (o optionalInt) ptr() *int64 {
	if !o.set {
		return nil
	}
	v := int64(o.value)
	return &v
}

// flexBool accepts the boolean true and the string "true" (and 1), as Meta's
// pages show Graph's flags both ways.
type flexBool bool

func (b *flexBool) UnmarshalJSON(data []byte) error {
	s := strings.Trim(strings.TrimSpace(string(data)), `"`)
	switch strings.ToLower(s) {
	case "true", "1":
		*b = true
	case "false", "0", "", "null":
		*b = false
	default:
		return fmt.Errorf("success is neither true nor false: %s", data)
	}
	return nil
}

// boolPtr is the flag b holds, or nil when the field was absent. A
// *flexBool is a *bool underneath, so no copy is made.
func boolPtr(b *flexBool) *bool { return (*bool)(b) }

// stringOrMember reads raw as a string, or as an object holding a string
// under key. Anything else (absent, null, another shape) is nil.
func stringOrMember(raw json.RawMessage, key string) *string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return &s
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return nil
	}
	return stringOrMember(obj[key], "")
}

// clonePtr copies the value p points to, so that a caller changing a
// returned value cannot change the cached one.
func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

var (
	_ json.Unmarshaler = (*flexString)(nil)
	_ json.Unmarshaler = (*flexInt)(nil)
	_ json.Unmarshaler = (*optionalInt)(nil)
	_ json.Unmarshaler = (*flexBool)(nil)
)
