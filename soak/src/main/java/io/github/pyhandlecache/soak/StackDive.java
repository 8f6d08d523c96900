package io.github.pyhandlecache.soak;

import java.util.function.IntConsumer;

/**
 * Runs an action near the bottom of the calling thread's stack, so that a StackOverflowError can
 * strike anywhere inside it: recurses until the stack overflows, then on the way back up calls the
 * action once in each of the lowest frames, with its distance from the bottom (0, 1, 2...). The
 * action catches what it expects itself; an overflow on entering it is caught here.
 *
 * <p>A random number of larger frames first shifts where the bottom falls, so that from one dive
 * to the next the same distance leaves a different amount of stack to the action.
 */
final class StackDive {
  private final int frames;
  private final IntConsumer action;
  private int bottom = -1;
  private long sink;

  private StackDive(int frames, IntConsumer action) {
    this.frames = frames;
    this.action = action;
  }

  /** Calls {@code action} in the {@code frames} lowest frames, after {@code padding} larger ones. */
  static void run(int padding, int frames, IntConsumer action) {
    new StackDive(frames, action).pad(padding, 1, 2, 3, 4);
  }

  /** A larger frame than {@link #descend}'s: its longs are live across the call. */
  private void pad(int padding, long a, long b, long c, long d) {
    if (padding > 0) {
      pad(padding - 1, b, c, d, a + b + c + d);
    } else {
      descend(0);
    }
    sink += a + b + c + d; // keeps the longs live across the call
  }

  private void descend(int depth) {
    try {
      descend(depth + 1);
    } catch (StackOverflowError reached) {
      if (bottom < 0) {
        bottom = depth;
      }
    }
    int distance = bottom - depth;
    if (distance < frames) {
      try {
        action.accept(distance);
      } catch (StackOverflowError onEntry) {
        // struck before the action began: nothing of it ran
      }
    }
  }
}
