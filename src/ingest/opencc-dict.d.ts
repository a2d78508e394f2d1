// opencc-js publishes its dictionaries as modules under "opencc-js/dict/*" (a "|"-separated
// string of "from to…" entries) without type declarations.
declare module "opencc-js/dict/*" {
  const dictionary: string;
  export default dictionary;
}
