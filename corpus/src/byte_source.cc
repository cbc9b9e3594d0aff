// Plain file input for the corpus readers, with errors that name the reason.
#include "byte_source.h"

#include <cerrno>
#include <cstring>

#include "akhbar/error.h"

namespace akhbar::corpus::detail {

FileHandle::FileHandle(const std::string& path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) throw IoError(std::string("cannot open: ") + std::strerror(errno));
}

FileHandle::~FileHandle() {
  if (file_ != nullptr) std::fclose(file_);
}

std::size_t FileHandle::read(char* buffer, std::size_t capacity) {
  const std::size_t got = std::fread(buffer, 1, capacity, file_);
  if (got < capacity && std::ferror(file_)) {
    throw IoError(std::string("cannot read: ") + std::strerror(errno));
  }
  return got;
}

std::size_t PlainFileSource::read(char* buffer, std::size_t capacity) {
  const std::size_t got = file_.read(buffer, capacity);
  consumed_ += got;
  return got;
}

}  // namespace akhbar::corpus::detail
