// The baseline plan_bench measures ftcost against: a statically linked process that does nothing
// (what exec, the loader and exit cost on this machine, in the same run).
int main() {
  return 0;
}
