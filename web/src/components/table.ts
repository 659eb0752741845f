/** Column option that keeps a cell on one line (dates, codes, amounts); tables scroll sideways instead. */
export const nowrap = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };
