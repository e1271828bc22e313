import { runCli } from './cli.js';

// The exit is explicit because the RxDB database and timers of a closed client must not keep
// the process alive, and a watch command ends only on SIGINT.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  () => process.exit(1),
);
