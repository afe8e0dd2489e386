/** scipy's `quad` messages by ier (scipy 1.17 wording, line breaks removed). */
export function quadMessage(ier: number, limit: number): string {
  switch (ier) {
    case 0:
      return "The integral converged to the requested tolerance.";
    case 1:
      return `The maximum number of subdivisions (${limit}) has been achieved. If increasing the limit yields no improvement it is advised to analyze the integrand in order to determine the difficulties. If the position of a local difficulty can be determined (singularity, discontinuity) one will probably gain from splitting up the interval and calling the integrator on the subranges. Perhaps a special-purpose integrator should be used.`;
    case 2:
      return "The occurrence of roundoff error is detected, which prevents the requested tolerance from being achieved. The error may be underestimated.";
    case 3:
      return "Extremely bad integrand behavior occurs at some points of the integration interval.";
    case 4:
      return "The algorithm does not converge. Roundoff error is detected in the extrapolation table. It is assumed that the requested tolerance cannot be achieved, and that the returned result (if full_output = 1) is the best which can be obtained.";
    case 5:
      return "The integral is probably divergent, or slowly convergent.";
    default:
      return "Unknown error.";
  }
}
