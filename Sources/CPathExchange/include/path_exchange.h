#ifndef PATH_EXCHANGE_H
#define PATH_EXCHANGE_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0 on success, -1 otherwise.
int portrait_exchange_paths(const char *first, const char *second);

#endif
