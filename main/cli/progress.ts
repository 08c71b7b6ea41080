/**
 * Progress of a long CLI job on stderr: shown when stderr is a terminal
 * (redrawn on one line) or when asked with --progress (one line each, for
 * logs and tests). stdout stays the job's result alone.
 */

/** Reports progress as "label: done/total (percent)", at most every `everyMs`. */
export function progressReporter(
  label: string,
  options: { force?: boolean; stream?: NodeJS.WriteStream; everyMs?: number },
): ((done: number, total: number) => void) & { finish(): void } {
  const stream = options.stream ?? process.stderr;
  const enabled = options.force === true || stream.isTTY === true;
  const redraw = stream.isTTY === true && options.force !== true;
  const everyMs = options.everyMs ?? (redraw ? 200 : 0);
  let last = -Infinity;
  let shown = false;
  const report = (done: number, total: number) => {
    const now = Date.now();
    if (!enabled || (now - last < everyMs && done < total)) return;
    last = now;
    shown = true;
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const text = `${label}: ${done}/${total} (${percent}%)`;
    stream.write(redraw ? `\r${text}` : `${text}\n`);
  };
  return Object.assign(report, {
    finish() {
      if (shown && redraw) stream.write('\n');
    },
  });
}
