export { callsTo, fail, ok, routeCalls, type Handler } from '../calls'
