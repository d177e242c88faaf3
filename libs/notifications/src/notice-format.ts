import { formatDong } from '@app/kernel';

export const formatDeadline = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
/** An amount sent as a string of đồng, written as people read it ("1.234.567 đ"). */
export const dong = (amount: string) => formatDong(BigInt(amount));
