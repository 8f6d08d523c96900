package golden;

import io.github.pyhandlecache.annotations.PyHandleCached;
import java.util.List;

class TensorShape<D extends Number> {
  private final List<D> sizes;

  protected TensorShape(List<D> sizes) {
    this.sizes = sizes;
  }

  @PyHandleCached(slots = 3)
  public int rank() {
    return sizes.size();
  }
}
