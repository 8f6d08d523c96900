package io.github.pyhandlecache.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pyhandlecache.runtime.PyInterpreter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Many threads of several interpreters on shared objects. The proof of the memory-ordering
 * argument is the stress module's (jcstress); this checks the guarantees end to end, at scale.
 */
class ConcurrencyTest {
  private static final int OBJECTS = 200;
  private static final int ROUNDS = 50;

  @Test
  void oneSlotIsolationAndIdentity() throws InterruptedException {
    List<OperatorEntry> entries = new ArrayList<>();
    for (int i = 0; i < OBJECTS; i++) {
      entries.add(OperatorEntry.create("op" + i));
    }
    int slowCalls = assertIsolationAndIdentity(entries, OperatorEntry::pythonOp, 4);
    // One interpreter owns each object's slot: its two threads stop computing.
    assertTrue(slowCalls < OBJECTS * 8 * ROUNDS * 7 / 8, "slow calls: " + slowCalls);
  }

  @Test
  void sixteenSlotsIsolationAndIdentity() throws InterruptedException {
    List<Registry.Crowded> crowded = new ArrayList<>();
    for (int i = 0; i < OBJECTS; i++) {
      crowded.add(new PyHandleCached_Registry_Crowded());
    }
    int slowCalls = assertIsolationAndIdentity(crowded, Registry.Crowded::op, 4);
    // Every interpreter owns a slot of every object: at most two misses per thread and object
    // before that (its first call, and a bypass lost to its sibling's claim).
    assertTrue(slowCalls <= OBJECTS * 8 * 2, "slow calls: " + slowCalls);
  }

  /**
   * Two threads per interpreter call {@code accessor} on every object, {@link #ROUNDS} times.
   * Isolation: every value was computed for the caller's interpreter. Identity: once a thread has
   * seen the value its interpreter's slot ends with, it sees nothing else. Returns how many values
   * were computed.
   */
  private static <T> int assertIsolationAndIdentity(
      List<T> objects, BiFunction<T, PyInterpreter, Handle> accessor, int interpreterCount)
      throws InterruptedException {
    List<PyInterpreter> interpreters = new ArrayList<>();
    for (int i = 0; i < interpreterCount; i++) {
      interpreters.add(PyInterpreter.create("interpreter" + i));
    }
    int threadCount = 2 * interpreterCount;
    Handle[][][] seen = new Handle[threadCount][objects.size()][ROUNDS];
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    runTogether(
        threadCount,
        thread -> {
          PyInterpreter mine = interpreters.get(thread % interpreterCount);
          for (int round = 0; round < ROUNDS; round++) {
            for (int object = 0; object < objects.size(); object++) {
              Handle handle = accessor.apply(objects.get(object), mine);
              if (handle.interpreter != mine) {
                failures.add(mine + " got " + handle);
              }
              seen[thread][object][round] = handle;
            }
          }
        },
        failures);
    assertEquals(List.of(), List.copyOf(failures));

    Set<Handle> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int thread = 0; thread < threadCount; thread++) {
      PyInterpreter mine = interpreters.get(thread % interpreterCount);
      for (int object = 0; object < objects.size(); object++) {
        Handle last = accessor.apply(objects.get(object), mine);
        boolean owned = last == accessor.apply(objects.get(object), mine);
        boolean reached = false;
        for (int round = 0; round < ROUNDS; round++) {
          Handle handle = seen[thread][object][round];
          distinct.add(handle);
          if (owned && reached && handle != last) {
            failures.add(mine + " returned " + handle + " after its slot's value, object " + object);
          }
          reached |= handle == last;
        }
      }
    }
    assertEquals(List.of(), List.copyOf(failures));
    return distinct.size();
  }

  @Test
  void closingAndReclaimingWhileOthersRead() throws InterruptedException {
    List<OperatorEntry> entries = new ArrayList<>();
    for (int i = 0; i < OBJECTS; i++) {
      entries.add(OperatorEntry.create("op" + i));
    }
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    runTogether(
        4,
        thread -> {
          for (int generation = 0; generation < 40; generation++) {
            PyInterpreter mine = PyInterpreter.create("t" + thread + "g" + generation);
            for (int round = 0; round < 3; round++) {
              checkAll(entries, mine, failures);
              if (round == 1) {
                mine.close(); // its slots become reclaimable while it still calls
              }
            }
          }
        },
        failures);
    assertEquals(List.of(), List.copyOf(failures));
  }

  private static void checkAll(
      List<OperatorEntry> entries, PyInterpreter mine, Queue<String> failures) {
    for (OperatorEntry entry : entries) {
      Handle handle = entry.pythonOp(mine);
      if (handle.interpreter != mine) {
        failures.add(mine + " got " + handle);
      }
    }
  }

  private interface Work {
    void run(int thread);
  }

  private static void runTogether(int threadCount, Work work, Queue<String> failures)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < threadCount; i++) {
      int thread = i;
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  work.run(thread);
                } catch (Throwable t) {
                  failures.add("thread " + thread + " threw " + t);
                }
              });
      worker.start();
      threads.add(worker);
    }
    start.countDown();
    for (Thread worker : threads) {
      worker.join(TimeUnit.MINUTES.toMillis(1));
      if (worker.isAlive()) {
        failures.add("a thread did not finish within a minute");
      }
    }
  }
}
