// Anonymous memory straight from the system, for large arrays that grow
// with the input. From kHugePageBytes up it is aligned to, and advised onto,
// transparent huge pages: on the virtual machines citex runs on, memory
// touched 4 KB at a time costs a TLB miss a page, and a table or arena read
// at random touches a new page almost every time. Below that size the pages
// are mapped in at once (MAP_POPULATE): every caller fills what it asks for,
// and there a first touch costs about 15 us a page, mapping them at once
// about half as much.
#pragma once

#include <cstddef>

namespace citex {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// `bytes` of zeroed memory, or nullptr when the system has none left.
void* MapPages(size_t bytes);
// Gives back what MapPages(bytes) returned, or any whole pages of it.
void UnmapPages(void* pages, size_t bytes);

}  // namespace citex
