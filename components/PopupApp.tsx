export function PopupApp() {
  return <main><h1>Gloss</h1></main>;
}
