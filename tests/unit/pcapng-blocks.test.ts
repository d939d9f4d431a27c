// The pcapng writer's blocks, checked against the layout the format defines.
import { describe, expect, it } from 'vitest'
import {
  commentOption,
  encodeOptions,
  enhancedPacketBlock,
  interfaceDescriptionBlock,
  LINKTYPE_RAW,
  sectionHeaderBlock
} from '../../src/main/pcapng/blocks'
import { tcpPacket, TCP_SYN, udpPacket } from '../../src/main/pcapng/packets'

describe('pcapng blocks', () => {
  it('pads option values to 32 bits and ends the list with opt_endofopt', () => {
    const opts = encodeOptions([commentOption('abcde')])
    expect(opts.length).toBe(4 + 8 + 4)
    expect(opts.readUInt16LE(0)).toBe(1)
    expect(opts.readUInt16LE(2)).toBe(5)
    expect(opts.subarray(4, 9).toString()).toBe('abcde')
    expect(opts.readUInt32LE(12)).toBe(0)
    expect(encodeOptions([]).length).toBe(0)
  })

  it('frames every block with its total length at both ends, a multiple of 4', () => {
    const blocks = [
      sectionHeaderBlock('test app', 'a comment'),
      interfaceDescriptionBlock(LINKTYPE_RAW, 'lo'),
      enhancedPacketBlock(0, 1_700_000_000_123_456n, Buffer.from('xyz'), [commentOption('c')])
    ]
    for (const b of blocks) {
      expect(b.length % 4).toBe(0)
      expect(b.readUInt32LE(4)).toBe(b.length)
      expect(b.readUInt32LE(b.length - 4)).toBe(b.length)
    }
    expect(blocks[0]!.readUInt32LE(0)).toBe(0x0a0d0d0a)
    expect(blocks[0]!.readUInt32LE(8)).toBe(0x1a2b3c4d)
  })

  it('splits a µs timestamp into its high and low 32 bits and records both lengths', () => {
    const ts = 1_700_000_000_123_456n
    const epb = enhancedPacketBlock(1, ts, Buffer.from('hello'))
    expect(epb.readUInt32LE(8)).toBe(1)
    const high = BigInt(epb.readUInt32LE(12))
    const low = BigInt(epb.readUInt32LE(16))
    expect((high << 32n) | low).toBe(ts)
    expect(epb.readUInt32LE(20)).toBe(5)
    expect(epb.readUInt32LE(24)).toBe(5)
    expect(epb.subarray(28, 33).toString()).toBe('hello')
  })

  it('builds IPv4 and IPv6 packets whose lengths and checksums add up', () => {
    const ends = { srcAddress: '127.0.0.1', srcPort: 1, dstAddress: '127.0.0.1', dstPort: 2 }
    const v4 = tcpPacket(ends, { seq: 1, ack: 0, flags: TCP_SYN }, Buffer.alloc(0))
    expect(v4[0]).toBe(0x45)
    expect(v4.readUInt16BE(2)).toBe(40)
    // An IPv4 header with its checksum in place sums to 0xffff.
    let sum = 0
    for (let i = 0; i < 20; i += 2) sum += v4.readUInt16BE(i)
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16)
    expect(sum).toBe(0xffff)
    const v6 = udpPacket({ ...ends, srcAddress: '::1', dstAddress: '::1' }, Buffer.from('hi'))
    expect(v6[0]! >> 4).toBe(6)
    expect(v6.readUInt16BE(4)).toBe(10)
    expect(v6.subarray(8, 24).equals(Buffer.from('00000000000000000000000000000001', 'hex'))).toBe(
      true
    )
  })
})
