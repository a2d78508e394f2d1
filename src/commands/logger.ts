/** Lines for people at a terminal: what happened, on stderr, without stack traces. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.error(`papergraph: ${message}`),
  warn: (message) => console.error(`papergraph: warning: ${message}`),
};
