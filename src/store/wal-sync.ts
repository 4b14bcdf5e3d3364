import fs from 'node:fs';

type Fsync = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

/**
 * Group commit's other half for SQLite: commits run with `synchronous=NORMAL` (the WAL is written,
 * not flushed) and this flushes the WAL file with an fsync on libuv's thread pool, so the thread can
 * run the next transaction while the disk works. What `synchronous=FULL` does inside COMMIT — fsync
 * the WAL after the commit's frames — happens here after it; a caller answers its clients only once
 * `sync()` resolves, so a 2xx still means "on disk".
 *
 * One fsync at a time: a commit that finished while an fsync was running waits for the next one
 * (the running one may have started before its frames were written), and one fsync then covers every
 * commit that waited for it.
 */
export class WalSync {
  private fd: number | null = null;
  private ino = -1;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly databaseFile: string,
    private readonly fsync: Fsync = fs.fdatasync,
  ) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.flush().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running
      .catch(() => {})
      .then(() => {
        this.next = null;
        return this.sync();
      });
    return this.next;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private flush(): Promise<void> {
    const fd = this.currentFd();
    return new Promise((resolve, reject) => this.fsync(fd, (err) => (err ? reject(err) : resolve())));
  }

  /**
   * The WAL file's descriptor, reopened if the file was replaced. Without a WAL file (every
   * connection closed, so SQLite checkpointed it away) the database file itself is flushed.
   */
  private currentFd(): number {
    const wal = `${this.databaseFile}-wal`;
    let ino: number;
    let file = wal;
    try {
      ino = fs.statSync(wal).ino;
    } catch {
      file = this.databaseFile;
      ino = fs.statSync(file).ino;
    }
    // A replaced file can get the old inode number back; an unlinked one has no links left.
    if (this.fd === null || ino !== this.ino || fs.fstatSync(this.fd).nlink === 0) {
      this.close();
      this.fd = fs.openSync(file, 'r');
      this.ino = ino;
    }
    return this.fd;
  }
}
