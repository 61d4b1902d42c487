/** A stand-in for the CustomFunctions global that Excel provides, as documented for
 *  CustomFunctionsRuntime 1.2: Error(code, message?) and the ErrorCode strings. */
export class MockCustomFunctionError {
  readonly type = "CustomFunctionError";
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const associated = new Map<string, unknown>();

export function installCustomFunctionsMock(): void {
  associated.clear();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: MockCustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      gettingData: "#GETTING_DATA",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: (id: string, fn: unknown) => {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
  };
}
