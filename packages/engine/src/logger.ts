/** Structured diagnostics of the engine: a message and the ids and values that explain it. */
export interface EngineLogger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/**
 * Creates the default logger: warnings and errors go to the console, debug and info are dropped.
 * This is the engine's only use of `console`.
 */
export function createConsoleLogger(): EngineLogger {
  return {
    debug: () => {},
    info: () => {},
    warn: (message, context) => console.warn(`[lastro-engine] ${message}`, context ?? {}),
    error: (message, context) => console.error(`[lastro-engine] ${message}`, context ?? {}),
  };
}

/** Creates a logger that drops everything. */
export function createSilentLogger(): EngineLogger {
  const drop = (): void => {};
  return { debug: drop, info: drop, warn: drop, error: drop };
}
