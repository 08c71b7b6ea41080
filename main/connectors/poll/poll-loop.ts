/**
 * Polls a server again and again: at the feed's interval while polls
 * succeed, and after a failure at waits that back off (capped, with
 * jitter) until one succeeds. Everything waits on timers and promises, so
 * a feed whose server is down never holds up another feed.
 */
import type { FeedState } from '../../../shared/api';
import { Backoff, type BackoffLimits } from '../nats/backoff';

/** What the loop needs: the poll itself, its pace, and where to report. */
export interface PollLoopOptions {
  intervalMs: number;
  retry: BackoffLimits;
  /** One poll; rejects when it failed. `signal` aborts when the feed stops. */
  poll: (signal: AbortSignal) => Promise<void>;
  /** Called when the feed's state changes, with the reason it went down. */
  onState: (state: FeedState, error?: string) => void;
}

/** A running loop. */
export interface PollLoop {
  /** Stops waiting and aborts the poll under way; settles `done`. */
  stop(): void;
  /** Settles when the loop has ended. */
  done: Promise<void>;
}

/** The waits between failed polls: from 1 s, doubling, to at most the poll interval or 5 min. */
export function retryLimits(intervalMs: number): BackoffLimits {
  return { initialMs: 1000, maxMs: Math.max(1000, Math.min(intervalMs, 5 * 60_000)) };
}

/** Starts polling now. */
export function startPollLoop(options: PollLoopOptions): PollLoop {
  const stopping = new AbortController();
  const { signal } = stopping;
  const retries = new Backoff(options.retry);

  const run = async () => {
    options.onState('connecting');
    while (!signal.aborted) {
      let wait: number;
      try {
        await options.poll(signal);
        if (signal.aborted) break;
        retries.reset();
        options.onState('connected');
        wait = options.intervalMs;
      } catch (error) {
        if (signal.aborted) break;
        options.onState('down', error instanceof Error ? error.message : String(error));
        wait = retries.delay();
        retries.advance();
      }
      await sleep(wait, signal);
    }
    options.onState('idle');
  };

  const done = run();
  return { stop: () => stopping.abort(), done };
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    }
  });
}
