import * as autodiff from "@nabla/autodiff";
import * as differentiate from "@nabla/differentiate";
import * as integrate from "@nabla/integrate";
import * as interpolate from "@nabla/interpolate";
import * as ndarray from "@nabla/ndarray";
import * as optimize from "@nabla/optimize";

/** The six packages' public exports by short name, as `import * as x from "@nabla/x"` sees them. */
export const packageExports: Record<string, object> = {
  ndarray,
  autodiff,
  optimize,
  integrate,
  interpolate,
  differentiate,
};
