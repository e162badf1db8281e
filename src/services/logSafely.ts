// The host's name for the log's rules; they live in src/core so storage can follow them too.
export { errorForLog } from '../core/logSafely';
