/** The largest page any connection returns (GitHub's rule): larger requests are refused, not trimmed. */
export const MAX_PAGE_SIZE = 100;

/** The page a connection returns when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;
