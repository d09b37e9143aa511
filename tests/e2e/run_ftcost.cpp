// run_ftcost: fork/exec with stdout and stderr sent to temporary files, so neither pipe can fill
// up and block the child while the other is being read. run_ftcost_tty: the same on a
// pseudo-terminal, read until the child closes it.
#include "run_ftcost.hpp"

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ftcost::e2e {
namespace {

struct TempFile {
  std::string path;
  int fd = -1;
  TempFile() {
    std::string pattern = "/tmp/ftcost_e2e_XXXXXX";
    fd = mkstemp(pattern.data());
    if (fd < 0) {
      throw std::runtime_error("mkstemp failed");
    }
    path = pattern;
  }
  ~TempFile() {
    close(fd);
    unlink(path.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  [[nodiscard]] std::string contents() const {
    std::ifstream stream(path, std::ios::binary);
    std::ostringstream text;
    text << stream.rdbuf();
    return text.str();
  }
};

}  // namespace

RunResult run_ftcost(const std::vector<std::string>& args) {
  TempFile out;
  TempFile err;
  std::vector<std::string> argv_storage = {FTCOST_EXE};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(argv_storage.size() + 1);
  for (std::string& arg : argv_storage) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    dup2(out.fd, STDOUT_FILENO);
    dup2(err.fd, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return {.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1,
          .out = out.contents(),
          .err = err.contents()};
}

RunResult run_ftcost_tty(const std::vector<std::string>& args,
                         const std::vector<std::string>& env) {
  std::vector<std::string> argv_storage = {FTCOST_EXE};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<std::string> env_storage = env;
  std::vector<char*> argv;
  argv.reserve(argv_storage.size() + 1);
  for (std::string& arg : argv_storage) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  int terminal = -1;
  const pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid < 0) {
    throw std::runtime_error("forkpty failed");
  }
  if (pid == 0) {
    unsetenv("NO_COLOR");
    for (std::string& entry : env_storage) {
      putenv(entry.data());
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  std::string shown;
  char buffer[4096];
  for (;;) {
    const ssize_t got = read(terminal, buffer, sizeof buffer);
    if (got > 0) {
      shown.append(buffer, static_cast<std::size_t>(got));
    } else if (got < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO on Linux once the child has closed the terminal
    }
  }
  close(terminal);
  int status = 0;
  waitpid(pid, &status, 0);
  return {.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1, .out = shown, .err = ""};
}

}  // namespace ftcost::e2e
