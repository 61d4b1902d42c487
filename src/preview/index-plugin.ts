/**
 * INDEX as Excel computes it: one cell of its range is read. HyperFormula 3.5's own INDEX reads
 * every cell of the range first (`SimpleRangeValue.data`), so each `INDEX(products, MATCH(…))` of
 * the plan's materials table cost a read of the whole products column: 5,000 materials against
 * 5,000 products made 50 million reads and blocked the preview for 13 s. Same arguments, same
 * results and the same errors as HyperFormula's (its messages included); only the cost differs.
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";

/** HyperFormula's own messages for these errors (its ErrorMessage is not exported). */
const LESS_THAN_ONE = "Argument cannot be less than 1.";
const VALUE_LARGE = "Value too large.";
const SCALAR_EXPECTED = "Cell range not allowed.";

/** What the plugin passes on of a call: HyperFormula does not export its AST and state types. */
interface ProcedureAst {
  readonly args: readonly unknown[];
}

export class IndexPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    INDEX: {
      method: "index",
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
      ],
    },
  };

  index(ast: ProcedureAst, state: unknown): unknown {
    const read = (values: SimpleRangeValue, row: number, col: number) => {
      if (col < 1 || row < 1) return new CellError(ErrorType.VALUE, LESS_THAN_ONE);
      if (col > values.width() || row > values.height()) return new CellError(ErrorType.NUM, VALUE_LARGE);
      const start = values.range?.start;
      // An array (a constant, or a computed one) is already in memory.
      if (start === undefined) return values.data[row - 1][col - 1];
      const value = this.dependencyGraph.getCellValue({
        sheet: start.sheet,
        row: start.row + row - 1,
        col: start.col + col - 1,
      });
      // As HyperFormula's range read turns a spilled array's anchor into an error.
      return value instanceof SimpleRangeValue ? new CellError(ErrorType.VALUE, SCALAR_EXPECTED) : value;
    };
    return this.runFunction(ast.args as never, state as never, this.metadata("INDEX"), read);
  }
}
