/** Vite's `?raw` imports: the file's text, used to read seed files inside workerd. */
declare module '*?raw' {
  const text: string
  export default text
}
