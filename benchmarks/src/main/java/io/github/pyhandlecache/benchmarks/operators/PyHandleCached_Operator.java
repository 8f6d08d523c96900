package io.github.pyhandlecache.benchmarks.operators;

import io.github.pyhandlecache.runtime.PyInterpreter;
import io.github.pyhandlecache.runtime.SlotTags;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** TEMPORARY hand-written stand-in for the processor's output. */
final class PyHandleCached_Operator extends Operator {
  private transient PyInterpreter pyObjectTag0;
  private transient PyObjectStub pyObjectValue0;
  private static final VarHandle PYOBJECT_TAG0;
  private static final VarHandle PYOBJECT_VALUE0;
  private static final SlotTags PYOBJECT_TAGS;
  private transient PyInterpreter currentPyObjectTag0;
  private transient PyObjectStub currentPyObjectValue0;
  private static final VarHandle CURRENTPYOBJECT_TAG0;
  private static final VarHandle CURRENTPYOBJECT_VALUE0;
  private static final SlotTags CURRENTPYOBJECT_TAGS;
  private transient PyInterpreter sharedPyObjectTag0;
  private transient PyObjectStub sharedPyObjectValue0;
  private static final VarHandle SHAREDPYOBJECT_TAG0;
  private static final VarHandle SHAREDPYOBJECT_VALUE0;
  private transient PyInterpreter sharedPyObjectTag1;
  private transient PyObjectStub sharedPyObjectValue1;
  private static final VarHandle SHAREDPYOBJECT_TAG1;
  private static final VarHandle SHAREDPYOBJECT_VALUE1;
  private transient PyInterpreter sharedPyObjectTag2;
  private transient PyObjectStub sharedPyObjectValue2;
  private static final VarHandle SHAREDPYOBJECT_TAG2;
  private static final VarHandle SHAREDPYOBJECT_VALUE2;
  private transient PyInterpreter sharedPyObjectTag3;
  private transient PyObjectStub sharedPyObjectValue3;
  private static final VarHandle SHAREDPYOBJECT_TAG3;
  private static final VarHandle SHAREDPYOBJECT_VALUE3;
  private static final SlotTags SHAREDPYOBJECT_TAGS;
  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      PYOBJECT_TAG0 = l.findVarHandle(PyHandleCached_Operator.class, "pyObjectTag0", PyInterpreter.class);
      PYOBJECT_VALUE0 = l.findVarHandle(PyHandleCached_Operator.class, "pyObjectValue0", PyObjectStub.class);
      PYOBJECT_TAGS = SlotTags.ofFields(PYOBJECT_TAG0);
      CURRENTPYOBJECT_TAG0 = l.findVarHandle(PyHandleCached_Operator.class, "currentPyObjectTag0", PyInterpreter.class);
      CURRENTPYOBJECT_VALUE0 = l.findVarHandle(PyHandleCached_Operator.class, "currentPyObjectValue0", PyObjectStub.class);
      CURRENTPYOBJECT_TAGS = SlotTags.ofFields(CURRENTPYOBJECT_TAG0);
      SHAREDPYOBJECT_TAG0 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectTag0", PyInterpreter.class);
      SHAREDPYOBJECT_VALUE0 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectValue0", PyObjectStub.class);
      SHAREDPYOBJECT_TAG1 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectTag1", PyInterpreter.class);
      SHAREDPYOBJECT_VALUE1 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectValue1", PyObjectStub.class);
      SHAREDPYOBJECT_TAG2 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectTag2", PyInterpreter.class);
      SHAREDPYOBJECT_VALUE2 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectValue2", PyObjectStub.class);
      SHAREDPYOBJECT_TAG3 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectTag3", PyInterpreter.class);
      SHAREDPYOBJECT_VALUE3 = l.findVarHandle(PyHandleCached_Operator.class, "sharedPyObjectValue3", PyObjectStub.class);
      SHAREDPYOBJECT_TAGS = SlotTags.ofFields(SHAREDPYOBJECT_TAG0, SHAREDPYOBJECT_TAG1, SHAREDPYOBJECT_TAG2, SHAREDPYOBJECT_TAG3);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  PyHandleCached_Operator(String name) {
    super(name);
  }
  @Override
  public PyObjectStub pyObject(PyInterpreter interpreter) {
    if (PYOBJECT_TAG0.getAcquire(this) == interpreter) {
      PyObjectStub value = (PyObjectStub) PYOBJECT_VALUE0.getOpaque(this);
      VarHandle.acquireFence();
      if (PYOBJECT_TAG0.getOpaque(this) == interpreter) {
        return value;
      }
    }
    return pyObjectMiss(interpreter);
  }

  private PyObjectStub pyObjectMiss(PyInterpreter interpreter) {
    PyObjectStub computed = super.pyObject(interpreter);
    int slot = PYOBJECT_TAGS.claim(this, interpreter);
    switch (slot) {
      case 0: PYOBJECT_VALUE0.setRelease(this, computed); PYOBJECT_TAGS.publish(this, 0, interpreter); return computed;
      default: break;
    }
    int owned = PYOBJECT_TAGS.slotOwnedBy(this, interpreter);
    PyObjectStub value;
    switch (owned) {
      case 0: value = (PyObjectStub) PYOBJECT_VALUE0.getOpaque(this); break;
      default: return computed;
    }
    return PYOBJECT_TAGS.isStillOwnedBy(this, owned, interpreter) ? value : computed;
  }

  @Override
  public PyObjectStub currentPyObject() {
    PyInterpreter interpreter = PyInterpreter.current();
    if (CURRENTPYOBJECT_TAG0.getAcquire(this) == interpreter) {
      PyObjectStub value = (PyObjectStub) CURRENTPYOBJECT_VALUE0.getOpaque(this);
      VarHandle.acquireFence();
      if (CURRENTPYOBJECT_TAG0.getOpaque(this) == interpreter) {
        return value;
      }
    }
    return currentPyObjectMiss(interpreter);
  }

  private PyObjectStub currentPyObjectMiss(PyInterpreter interpreter) {
    PyObjectStub computed = super.currentPyObject();
    int slot = CURRENTPYOBJECT_TAGS.claim(this, interpreter);
    switch (slot) {
      case 0: CURRENTPYOBJECT_VALUE0.setRelease(this, computed); CURRENTPYOBJECT_TAGS.publish(this, 0, interpreter); return computed;
      default: break;
    }
    int owned = CURRENTPYOBJECT_TAGS.slotOwnedBy(this, interpreter);
    PyObjectStub value;
    switch (owned) {
      case 0: value = (PyObjectStub) CURRENTPYOBJECT_VALUE0.getOpaque(this); break;
      default: return computed;
    }
    return CURRENTPYOBJECT_TAGS.isStillOwnedBy(this, owned, interpreter) ? value : computed;
  }

  @Override
  public PyObjectStub sharedPyObject(PyInterpreter interpreter) {
    if (SHAREDPYOBJECT_TAG0.getAcquire(this) == interpreter) {
      PyObjectStub value = (PyObjectStub) SHAREDPYOBJECT_VALUE0.getOpaque(this);
      VarHandle.acquireFence();
      if (SHAREDPYOBJECT_TAG0.getOpaque(this) == interpreter) {
        return value;
      }
    }
    if (SHAREDPYOBJECT_TAG1.getAcquire(this) == interpreter) {
      PyObjectStub value = (PyObjectStub) SHAREDPYOBJECT_VALUE1.getOpaque(this);
      VarHandle.acquireFence();
      if (SHAREDPYOBJECT_TAG1.getOpaque(this) == interpreter) {
        return value;
      }
    }
    if (SHAREDPYOBJECT_TAG2.getAcquire(this) == interpreter) {
      PyObjectStub value = (PyObjectStub) SHAREDPYOBJECT_VALUE2.getOpaque(this);
      VarHandle.acquireFence();
      if (SHAREDPYOBJECT_TAG2.getOpaque(this) == interpreter) {
        return value;
      }
    }
    if (SHAREDPYOBJECT_TAG3.getAcquire(this) == interpreter) {
      PyObjectStub value = (PyObjectStub) SHAREDPYOBJECT_VALUE3.getOpaque(this);
      VarHandle.acquireFence();
      if (SHAREDPYOBJECT_TAG3.getOpaque(this) == interpreter) {
        return value;
      }
    }
    return sharedPyObjectMiss(interpreter);
  }

  private PyObjectStub sharedPyObjectMiss(PyInterpreter interpreter) {
    PyObjectStub computed = super.sharedPyObject(interpreter);
    int slot = SHAREDPYOBJECT_TAGS.claim(this, interpreter);
    switch (slot) {
      case 0: SHAREDPYOBJECT_VALUE0.setRelease(this, computed); SHAREDPYOBJECT_TAGS.publish(this, 0, interpreter); return computed;
      case 1: SHAREDPYOBJECT_VALUE1.setRelease(this, computed); SHAREDPYOBJECT_TAGS.publish(this, 1, interpreter); return computed;
      case 2: SHAREDPYOBJECT_VALUE2.setRelease(this, computed); SHAREDPYOBJECT_TAGS.publish(this, 2, interpreter); return computed;
      case 3: SHAREDPYOBJECT_VALUE3.setRelease(this, computed); SHAREDPYOBJECT_TAGS.publish(this, 3, interpreter); return computed;
      default: break;
    }
    int owned = SHAREDPYOBJECT_TAGS.slotOwnedBy(this, interpreter);
    PyObjectStub value;
    switch (owned) {
      case 0: value = (PyObjectStub) SHAREDPYOBJECT_VALUE0.getOpaque(this); break;
      case 1: value = (PyObjectStub) SHAREDPYOBJECT_VALUE1.getOpaque(this); break;
      case 2: value = (PyObjectStub) SHAREDPYOBJECT_VALUE2.getOpaque(this); break;
      case 3: value = (PyObjectStub) SHAREDPYOBJECT_VALUE3.getOpaque(this); break;
      default: return computed;
    }
    return SHAREDPYOBJECT_TAGS.isStillOwnedBy(this, owned, interpreter) ? value : computed;
  }

}
