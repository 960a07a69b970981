export function OptionsApp() {
  return <main><h1>Gloss options</h1></main>;
}
