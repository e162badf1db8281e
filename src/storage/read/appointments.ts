// Appointments: the list, the next one, and the one whose outcome has not been asked for yet.
import type { Appointment } from '../../core/schemas';
import type { LocalDate } from '../../core/time';
import { LIVE } from '../live';
import type { JournalReader } from './reader';

/** Every appointment, the latest first. */
export function appointments(store: JournalReader): Appointment[] {
  return store.select('appointments', LIVE, [], 'ORDER BY date DESC');
}

/** Every appointment from today on, the soonest first. */
export function upcomingAppointments(store: JournalReader, today: LocalDate): Appointment[] {
  return store.select('appointments', `${LIVE} AND date >= ?`, [today], 'ORDER BY date, time');
}

/** The next appointment from today on (the soonest), if any. */
export function upcomingAppointment(store: JournalReader, today: LocalDate): Appointment | undefined {
  return store.select('appointments', `${LIVE} AND date >= ?`, [today], 'ORDER BY date, time LIMIT 1')[0];
}

/** The latest past appointment with no outcome noted that the user has not been asked about yet. */
export function appointmentAwaitingOutcome(store: JournalReader, today: LocalDate): Appointment | undefined {
  return store.select('appointments', `${LIVE} AND date < ? AND outcome IS NULL AND outcome_asked = 0`, [today], 'ORDER BY date DESC LIMIT 1')[0];
}
