// Package pacing decides when the Graph client's calls may go and keeps what
// Meta reports about its rate limits: reads wait for the writes to their edge
// (WriteGate), calls on an object Meta throttled for too long fail at once
// (ThrottleGate), and the highest usage of each budget is kept for warnings
// (UsageTracker).
//
// It knows nothing of Graph's requests or errors; the client passes in what
// each gate needs.
package pacing
