// What each thread keeps a copy of its own.
#pragma once

namespace citex {

// Why compiled patterns are kept per thread: every RE2 search takes a reader
// lock on the pattern's DFA cache, so threads that search one shared pattern
// pass the lock's cache line between cores at each search (at -j 2 the
// lock's samples in the profile tripled). A copy a thread costs one more
// compile of each pattern the thread uses.
//
// The calling thread's T, built on its first use there.
template <typename T>
const T& PerThread() {
  thread_local const T value;
  return value;
}

}  // namespace citex
