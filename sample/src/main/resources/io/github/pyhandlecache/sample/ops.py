# A miniature torch.ops, evaluated into every interpreter of the sample.
#
# As in PyTorch, `ops.<namespace>.<name>.<overload>` resolves an operator lazily, attribute by
# attribute, and keeps what it resolved (setattr), so an operator object lives as long as the
# interpreter: a handle that a host object may cache. `interpreter_name` is bound by the host before
# this file runs; it exports find_operator and find_overload_packet to the polyglot bindings.

_KERNELS = {
    "aten::add.Tensor": lambda a, b: a + b,
    "aten::mul.Tensor": lambda a, b: a * b,
    "aten::neg.default": lambda a: -a,
}


class OpOverload:
    """One overload of an operator, e.g. ops.aten.add.Tensor."""

    def __init__(self, namespace, name, overload):
        self.qualified_name = f"{namespace}::{name}.{overload}"
        self.interpreter = interpreter_name
        self._kernel = _KERNELS[self.qualified_name]

    def __call__(self, *args):
        return self._kernel(*args)

    def __repr__(self):
        return f"<OpOverload {self.qualified_name} of {self.interpreter}>"


class OpOverloadPacket:
    """All overloads of one operator, e.g. ops.aten.add."""

    def __init__(self, namespace, name):
        self._namespace = namespace
        self._name = name
        self.interpreter = interpreter_name

    def __repr__(self):
        return f"<OpOverloadPacket {self._namespace}::{self._name} of {self.interpreter}>"

    def __getattr__(self, overload):
        if overload.startswith("__"):
            raise AttributeError(overload)
        try:
            op = OpOverload(self._namespace, self._name, overload)
        except KeyError:
            raise AttributeError(f"no operator {self._namespace}::{self._name}.{overload}") from None
        setattr(self, overload, op)
        return op


class _OpNamespace:
    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        packet = OpOverloadPacket(self._namespace, name)
        setattr(self, name, packet)
        return packet


class _Ops:
    def __getattr__(self, namespace):
        if namespace.startswith("__"):
            raise AttributeError(namespace)
        ns = _OpNamespace(namespace)
        setattr(self, namespace, ns)
        return ns


ops = _Ops()


def find_operator(namespace, name, overload):
    """What a host's slow accessor calls: ops.<namespace>.<name>.<overload>, attribute by attribute."""
    return getattr(getattr(getattr(ops, namespace), name), overload)


def find_overload_packet(namespace, name):
    """What a host's slow accessor calls: ops.<namespace>.<name>."""
    return getattr(getattr(ops, namespace), name)


def call_back(host_operator, calls):
    """Python calling back into Java: host_operator.overloadPacket(), `calls` times. Returns whether
    every call returned the same object, this interpreter's own ops.<namespace>.<name>, and the
    name of the interpreter that Java saw as current."""
    first = host_operator.overloadPacket()
    same = all(host_operator.overloadPacket() is first for _ in range(calls - 1))
    own = first is getattr(getattr(ops, first._namespace), first._name)
    return same and own, host_operator.currentInterpreter()
