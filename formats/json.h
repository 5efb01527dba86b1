// The JSON and JSON Lines writers share one record serializer.
#pragma once

#include <string>
#include <string_view>

#include "extractor/model.h"

namespace citex {

// Appends `s` as a JSON string literal: quotes, escapes for '"', '\\' and
// control characters, invalid UTF-8 bytes replaced by U+FFFD.
void AppendJsonString(std::string& out, std::string_view s);

// Appends one paper record as a single line of JSON, without a newline.
void AppendPaperJson(std::string& out, const Paper& paper);

}  // namespace citex
