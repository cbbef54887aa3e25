// What the admin's forms offer to choose from: persons, topics and series of the store.
import { type ChoiceRow, listChoiceRows } from "../storage/choices.js";
import type { Store } from "../storage/store.js";

export type Choice = ChoiceRow;

export function listPersonChoices(store: Store): Promise<Choice[]> {
  return listChoiceRows(store, "persons");
}

export function listTopicChoices(store: Store): Promise<Choice[]> {
  return listChoiceRows(store, "topics");
}

export function listSeriesChoices(store: Store): Promise<Choice[]> {
  return listChoiceRows(store, "series");
}
