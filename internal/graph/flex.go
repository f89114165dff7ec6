package graph

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

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
