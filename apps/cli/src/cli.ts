import { parseCommandLine, type Flags } from './args.js';
import { listChat, sendChat } from './commands/chat.js';
import { deposit } from './commands/deposit.js';
import { listLoans } from './commands/loans.js';
import { simulatePix } from './commands/pix.js';
import { confirmSession, listSessions, revokeSession, watchNotifications } from './commands/sessions.js';
import { watchLoans, watchWallet } from './commands/watch.js';
import { HELP } from './help.js';
import { CliError, EXIT, printMessage, printText, usageError } from './output.js';

interface Command {
  help: string;
  /** Runs the command; `args` are the positional words after the command's name. */
  run(flags: Flags, args: string[]): Promise<number>;
  /** True for commands that take positional arguments, such as a session id. */
  takesArguments?: boolean;
}

const COMMANDS: Record<string, Command> = {
  'watch wallet': { help: HELP.watchWallet, run: watchWallet },
  'watch loans': { help: HELP.watchLoans, run: watchLoans },
  'loans list': { help: HELP.loansList, run: listLoans },
  deposit: { help: HELP.deposit, run: deposit },
  'pix simulate': { help: HELP.pixSimulate, run: simulatePix },
  'chat send': { help: HELP.chatSend, run: sendChat },
  'chat list': { help: HELP.chatList, run: listChat },
  'watch notifications': { help: HELP.watchNotifications, run: watchNotifications },
  'sessions list': { help: HELP.sessionsList, run: listSessions },
  'sessions revoke': { help: HELP.sessionsRevoke, run: revokeSession, takesArguments: true },
  'sessions confirm': { help: HELP.sessionsConfirm, run: confirmSession, takesArguments: true },
};

/**
 * Finds the command named by the leading words: one word ("deposit") or two ("watch wallet").
 * Only commands that take arguments accept more words after their name.
 */
function findCommand(words: string[]): { name: string; command: Command; args: string[] } | undefined {
  for (const length of [2, 1]) {
    if (words.length < length) continue;
    const name = words.slice(0, length).join(' ');
    const command = COMMANDS[name];
    if (command === undefined) continue;
    if (words.length === length || command.takesArguments === true) return { name, command, args: words.slice(length) };
  }
  return undefined;
}

/** Runs the CLI with `argv` (without node and the script path) and returns the exit status. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    const { words, flags } = parseCommandLine(argv);
    if (words.length === 0) {
      printText(HELP.main);
      return flags.help === true ? EXIT.ok : EXIT.usage;
    }
    const found = findCommand(words);
    if (found === undefined) {
      const group = Object.keys(COMMANDS).filter((name) => name.startsWith(`${words[0]} `));
      if (flags.help === true && group.length > 0 && words.length === 1) {
        printText(group.map((name) => COMMANDS[name]?.help ?? '').join('\n\n'));
        return EXIT.ok;
      }
      throw usageError(`unknown command "${words.join(' ')}"; run "lastro --help" for the commands`);
    }
    if (flags.help === true) {
      printText(found.command.help);
      return EXIT.ok;
    }
    return await found.command.run(flags, found.args);
  } catch (error) {
    if (error instanceof CliError) {
      printMessage(error.message);
      return error.exitCode;
    }
    printMessage(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failure;
  }
}
