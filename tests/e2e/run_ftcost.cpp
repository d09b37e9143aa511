// run_ftcost: fork/exec with stdout and stderr sent to temporary files, so neither pipe can fill
// up and block the child while the other is being read.
#include "run_ftcost.hpp"

#include <sys/wait.h>
#include <unistd.h>

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

}  // namespace ftcost::e2e
