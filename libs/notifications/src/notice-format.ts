import { formatDong } from '@app/kernel';

/** An amount sent as a string of đồng, written as people read it ("1.234.567 đ"). */
export const dong = (amount: string) => formatDong(BigInt(amount));
