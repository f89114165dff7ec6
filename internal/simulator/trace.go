package simulator

const base62Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// traceID returns a deterministic fbtrace_id-like string for the n-th
// response: "A" followed by 10 base62 digits. The sequence number is
// scrambled so consecutive ids do not look alike, as Meta's don't.
func traceID(n uint64) string {
	const width = 10
	const space = uint64(839299365868340224) // 62^10
	v := (n * 0x9E3779B97F4A7C15) % space
	buf := make([]byte, width+1)
	buf[0] = 'A'
	for i := width; i >= 1; i-- {
		buf[i] = base62Digits[v%62]
		v /= 62
	}
	return string(buf)
}
