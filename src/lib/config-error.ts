/** A problem with the configuration or the environment, reported as one line without a stack trace. */
export class ConfigError extends Error {
  override name = "ConfigError";
}
