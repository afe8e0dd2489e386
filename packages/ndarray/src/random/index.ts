export {
  type ChoiceOptions,
  defaultRng,
  Generator,
  type IntegersOptions,
  type Size,
} from "./generator.js";
export type { Seed } from "./seedSequence.js";
