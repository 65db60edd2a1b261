export { readInputs, readOneOff, parseJsonlLine, DEFAULT_MAX_BODY_BYTES } from './read-inputs.js';
export type { InputItem, ReadOptions } from './read-inputs.js';
export { parseMarkdown, markdownToText } from './markdown.js';
export { parseHtml } from './html.js';
export { parsePlainText } from './plain-text.js';
export { decodeText } from './decode.js';
export { dropBoilerplate, isBoilerplateLine, BOILERPLATE_PATTERNS } from './boilerplate.js';
export { InputError } from './input-error.js';
export { globToRegExp } from './glob.js';
