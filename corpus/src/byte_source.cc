// Plain file input for the corpus readers, with errors that name the reason.
#include "byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "akhbar/error.h"

namespace akhbar::corpus::detail {

FileHandle::FileHandle(const std::string& path) {
  // Non-blocking, so that a FIFO put where a listed file was cannot stall the
  // run waiting for a writer. FIFOs, sockets and devices are refused; a
  // directory fails at the first read, with the system's reason.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw IoError(std::string("cannot open: ") + std::strerror(errno));
  struct stat info{};
  if (::fstat(fd, &info) != 0 || !(S_ISREG(info.st_mode) || S_ISDIR(info.st_mode))) {
    ::close(fd);
    throw IoError("cannot open: not a regular file");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  file_ = ::fdopen(fd, "rb");
  if (file_ == nullptr) {
    const int error = errno;
    ::close(fd);
    throw IoError(std::string("cannot open: ") + std::strerror(error));
  }
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
