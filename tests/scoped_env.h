// Test helpers: an environment variable set for one scope, and the message
// of the error a call throws.
#pragma once

#include <stdlib.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "akhbar/error.h"

namespace akhbar::test {

/// Sets an environment variable for one scope (unsets it for std::nullopt),
/// then restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value->c_str(), 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

/// The message of the `ErrorType` that `call()` throws, or "" when it
/// throws none.
template <typename ErrorType = Error, typename Call>
std::string error_message(Call&& call) {
  try {
    call();
  } catch (const ErrorType& error) {
    return error.what();
  }
  return "";
}

}  // namespace akhbar::test
