export { callsTo, fail, held, ok, routeCalls, type Handler } from '../calls'
