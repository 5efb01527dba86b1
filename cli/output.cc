#include "cli/output.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace citex {
namespace {

// The temporary file a signal handler removes. A fixed buffer: a handler may
// only call async-signal-safe functions, and unlink is one.
char g_temp_path[PATH_MAX];
volatile std::sig_atomic_t g_have_temp = 0;

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void RemoveTempAndDie(int signal) {
  if (g_have_temp) unlink(g_temp_path);
  // Die of the signal itself, so the parent sees the conventional status.
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

void InstallCleanup(const std::string& temp_path) {
  if (temp_path.size() >= sizeof(g_temp_path)) return;
  std::memcpy(g_temp_path, temp_path.c_str(), temp_path.size() + 1);
  g_have_temp = 1;
  for (int signal : kCleanupSignals) {
    struct sigaction old;
    sigaction(signal, nullptr, &old);
    if (old.sa_handler == SIG_IGN) continue;  // nohup and background jobs stay immune
    struct sigaction action = {};
    action.sa_handler = RemoveTempAndDie;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, nullptr);
  }
}

void RemoveCleanup() { g_have_temp = 0; }

// `path` with its symlinks followed to what they finally name (which may
// not exist yet). Sets errno and returns "" on a loop or a read error.
std::string FollowSymlinks(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat info;
    if (lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return path;
    char target[PATH_MAX];
    const ssize_t n = readlink(path.c_str(), target, sizeof(target) - 1);
    if (n < 0) return "";
    const std::string link(target, static_cast<size_t>(n));
    const size_t slash = path.rfind('/');
    path = link[0] == '/' || slash == std::string::npos ? link : path.substr(0, slash + 1) + link;
  }
  errno = ELOOP;
  return "";
}

// The descriptor a path names by itself: /dev/stdout, /dev/fd/N,
// /proc/self/fd/N. Writing through it keeps the shell's ">>" append and a
// pipe's reader; replacing it would replace a node in /dev. -1 for others.
int NamedDescriptor(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const char* prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    const std::string_view p(prefix);
    if (path.compare(0, p.size(), p) != 0 || path.size() == p.size() ||
        path.find_first_not_of("0123456789", p.size()) != std::string::npos) {
      continue;
    }
    return path.size() - p.size() <= 6 ? std::atoi(path.c_str() + p.size()) : -1;
  }
  return -1;
}

// A pipe's 64 KiB fills with one batch's records, and the writing thread then
// waits for the reader to be scheduled; a larger one lets it go on. Best
// effort: the kernel caps the size (fs/pipe-max-size) and a user's total.
void EnlargePipe(int fd) {
#ifdef F_SETPIPE_SZ
  struct stat info;
  if (fstat(fd, &info) == 0 && S_ISFIFO(info.st_mode)) (void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#else
  (void)fd;
#endif
}

mode_t DefaultMode() {
  const mode_t mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

}  // namespace

Output::~Output() {
  if (!temp_path_.empty()) {
    RemoveCleanup();
    close(fd_);
    unlink(temp_path_.c_str());
  } else if (owns_fd_) {
    close(fd_);
  }
}

bool Output::Open(const std::string& path, int stdout_fd) {
  fd_ = stdout_fd;
  if (path.empty() || path == "-") {
    EnlargePipe(fd_);
    return true;
  }
  const int named = NamedDescriptor(path);
  if (named >= 0) {
    path_ = path;
    fd_ = named;
    EnlargePipe(fd_);
    return true;
  }
  path_ = FollowSymlinks(path);
  if (path_.empty()) {
    error_ = path + ": " + std::strerror(errno);
    return false;
  }
  struct stat info;
  if (stat(path_.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
    if (S_ISDIR(info.st_mode)) {
      error_ = path + ": is a directory";
      return false;
    }
    // A device or a pipe cannot be replaced by rename: write through it.
    fd_ = open(path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) {
      error_ = path + ": " + std::strerror(errno);
      return false;
    }
    owns_fd_ = true;
    EnlargePipe(fd_);
    return true;
  }
  return OpenTemporary(path);
}

bool Output::OpenTemporary(const std::string& target) {
  const size_t slash = path_.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path_.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? path_ : path_.substr(slash + 1);
  std::string name = dir + "." + base + ".citex-XXXXXX";
  fd_ = mkostemp(&name[0], O_CLOEXEC);
  if (fd_ < 0) {
    error_ = target + ": " + std::strerror(errno);
    return false;
  }
  temp_path_ = name;
  InstallCleanup(temp_path_);
  // The new file replaces the old one: keep its mode and, when allowed, owner.
  struct stat old;
  if (stat(path_.c_str(), &old) == 0) {
    fchmod(fd_, old.st_mode & 07777);
    if (old.st_uid != geteuid() || old.st_gid != getegid()) {
      (void)fchown(fd_, old.st_uid, old.st_gid);
    }
  } else {
    fchmod(fd_, DefaultMode());
  }
  return true;
}

bool Output::Write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      // The reader of a pipe went away (SIGPIPE ignored): like head, end quietly.
      broken_pipe_ = errno == EPIPE;
      error_ = (path_.empty() ? std::string("standard output") : path_) +
               ": write error: " + std::strerror(errno);
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool Output::Commit() {
  if (temp_path_.empty()) return true;
  const bool synced = fsync(fd_) == 0;
  const bool closed = close(fd_) == 0;
  if (!synced || !closed || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    error_ = path_ + ": " + std::strerror(errno);
    RemoveCleanup();
    unlink(temp_path_.c_str());
    temp_path_.clear();
    return false;
  }
  RemoveCleanup();
  temp_path_.clear();
  return true;
}

}  // namespace citex
