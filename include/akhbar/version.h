/// @file version.h
/// @brief Version of the library and of the analysis rules.
#pragma once

namespace akhbar {

/// The library's release, "MAJOR.MINOR.PATCH".
const char* version_string() noexcept;

/// Bumped whenever the analysis chain changes the terms it emits for some
/// input. A database records the value it was built with; one built with
/// another value must be rebuilt, since old and new terms would not match.
inline constexpr int kAnalysisVersion = 4;

}  // namespace akhbar
