# ipaddress: addresses, networks, interfaces, properties, set operations and error messages
import ipaddress as ip, itertools

def g(x, attr):
    try:
        return getattr(x, attr)
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        if hasattr(r, '__next__'):
            r = list(r)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__ + ':', e)

for a in ['192.168.1.1', '0.0.0.0', '255.255.255.255', '::', '::1', '2001:db8::8:800:200c:417a',
          'fe80::1%eth0', '::ffff:10.0.0.1', '1:0:0:1:0:0:0:1', '1:0:0:0:1:0:0:0', 'FFFF::',
          '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2002:c000:204::1', '0:0:0:0:0:0:0:0', 3232235777,
          2**32, b'\x01\x02\x03\x04', b'\x00' * 16, '1::']:
    x = ip.ip_address(a)
    print(repr(x), str(x), x.version, x.max_prefixlen, g(x, 'exploded'), x.compressed, x.packed, int(x))
    print(' ', x.is_private, x.is_global, x.is_loopback, x.is_multicast, x.is_reserved,
          x.is_link_local, x.is_unspecified, g(x, 'reverse_pointer'))
    if x.version == 6:
        print(' ', x.is_site_local, x.ipv4_mapped, x.teredo, x.sixtofour, x.scope_id)
    else:
        print(' ', x.ipv6_mapped)
for a in ['10.1.2.3', '100.64.1.1', '192.0.0.9', '224.0.0.1', '240.0.0.1', '169.254.3.3', '8.8.8.8',
          '172.31.255.255', '172.32.0.0', 'ff02::1', 'fc00::1', 'fec0::1', '2001:1::1', '2001:db8::1',
          '64:ff9b:1::1', '::ffff:8.8.8.8']:
    x = ip.ip_address(a)
    print(a, x.is_private, x.is_global, x.is_multicast, x.is_reserved, x.is_link_local)
bad4 = ['', '1.2.3', '1.2.3.4.5', '1.2.3.256', '1.2.3.04', '1.2.3.a', '1.2.3.1234', '1.2..3', '1.2.3.4/24',
        -1, 2**32, b'\x01\x02\x03', '१.2.3.4']
for a in bad4:
    show(ip.IPv4Address, a)
bad6 = ['', ':', '1:2', '1:2:3:4:5:6:7:8:9', '1::2::3', ':1:2::3', '1:2::3:', '1:2:3:4:5:6:7:8::',
        '1:2:3:4:5:6:7', ':1:2:3:4:5:6:7', '1:2:3:4:5:6:7:', '12345::', 'g::', '::1.2.3.999', '::1%',
        '::1%a%b', -1, 2**128, b'\x00', '1:2:3:4:5:6:7:8:9:10', '::1/64']
for a in bad6:
    show(ip.IPv6Address, a)
for a in ['x', '1.2.3.4.5', 2**129, -5]:
    show(ip.ip_address, a)
    show(ip.ip_network, a)
    show(ip.ip_interface, a)
for n in ['192.168.0.0/24', '10.0.0.0/255.0.0.0', '10.0.0.0/0.255.255.255', '1.2.3.4', '0.0.0.0/0',
          '192.168.1.0/31', '192.168.1.7/32', '2001:db8::/32', '::/0', 'fe80::/127', '::1/128',
          ('10.0.0.0', 8), (167772160, '16'), 167772160, b'\x0a\x00\x00\x00', '2001:db8::%scope/64']:
    x = ip.ip_network(n)
    print(repr(x), x.network_address, x.broadcast_address, x.netmask, x.hostmask, x.prefixlen,
          x.num_addresses, x.with_prefixlen, x.with_netmask, x.with_hostmask, g(x, 'exploded'), x.compressed)
    print(' ', x.is_private, x.is_global, x.is_multicast, x.is_reserved, x.is_loopback,
          x.is_link_local, x.is_unspecified, list(itertools.islice(x.hosts(), 3)), x[0], x[-1])
for n in ['10.0.0.1/8', '10.0.0.0/33', '10.0.0.0/a', '10.0.0.0/255.0.255.0', '10.0.0.0/8/8', '::1/64',
          '::/129', '::/ffff::', '1.2.3.4/ 8', '10.0.0.0/-1', ('1.2.3.4', 40), '1.2.3.4/0x8']:
    show(ip.ip_network, n)
    show(ip.IPv4Network, n)
print(ip.ip_network('10.0.0.1/8', strict=False), ip.IPv6Network('::1/64', False))
n = ip.ip_network('192.168.0.0/22')
print(list(n.subnets()), list(n.subnets(2)), list(n.subnets(new_prefix=24)), n.supernet(), n.supernet(new_prefix=16))
print(list(ip.ip_network('1.2.3.4/32').subnets()), ip.ip_network('0.0.0.0/0').supernet())
show(n.subnets, new_prefix=20)
show(n.subnets, 2, new_prefix=24)
show(n.subnets, -1)
show(n.subnets, 20)
show(n.supernet, new_prefix=24)
show(n.supernet, 2, new_prefix=16)
show(n.supernet, 30)
print(list(ip.ip_network('2001:db8::/126').subnets()), list(ip.ip_network('2001:db8::/126').hosts()))
print(ip.ip_address('192.168.1.5') in n, ip.ip_address('192.168.9.5') in n, ip.ip_address('::1') in n, ip.ip_network('192.168.0.0/24') in n)
a = ip.ip_network('192.168.0.0/24'); b = ip.ip_network('192.168.0.128/25')
print(a.overlaps(b), b.subnet_of(a), a.supernet_of(b), a.subnet_of(b), list(a.address_exclude(b)), list(a.address_exclude(a)))
print(list(ip.ip_network('10.0.0.0/16').address_exclude(ip.ip_network('10.0.3.0/24'))))
show(a.address_exclude, ip.ip_network('10.0.0.0/8'))
show(a.address_exclude, ip.ip_network('::/8'))
show(a.subnet_of, ip.ip_network('::/8'))
show(a.subnet_of, ip.ip_address('1.2.3.4'))
print(a.compare_networks(b), b.compare_networks(a), a.compare_networks(a))
show(a.compare_networks, ip.ip_network('::/0'))
for i in ['192.168.1.5/24', '10.0.0.1', '10.1.1.1/255.255.0.0', '::1/64', 'fe80::5%eth1/64', ('1.2.3.4', 16), '::ffff:1.2.3.4/120']:
    x = ip.ip_interface(i)
    print(repr(x), x, x.ip, x.network, x.netmask, x.hostmask, x.with_prefixlen, x.with_netmask, x.with_hostmask, g(x, 'exploded'), x.is_loopback, x.is_unspecified)
x = ip.ip_interface('1.2.3.4/24')
print(x == ip.ip_address('1.2.3.4'), x == ip.ip_interface('1.2.3.4/24'), x == ip.ip_interface('1.2.3.4/16'), x < ip.ip_interface('1.2.3.5/24'), x < ip.ip_interface('1.2.3.1/16'))
# ordering, arithmetic, formatting
a1, a2 = ip.ip_address('1.2.3.4'), ip.ip_address('1.2.3.10')
print(a1 < a2, a1 <= a2, a1 > a2, a1 == ip.IPv4Address('1.2.3.4'), a1 != a2, a1 + 6, a2 - 6, a1 == '1.2.3.4')
show(lambda: a1 < ip.ip_address('::1'))
show(lambda: a1 < 5)
show(lambda: a1 + 2**32)
show(lambda: a1 + 1.5)
show(lambda: ip.ip_network('1.0.0.0/8') < ip.ip_network('::/8'))
print(ip.ip_address('fe80::1%a') == ip.ip_address('fe80::1'), ip.ip_address('fe80::1%a') == ip.ip_address('fe80::1%a'))
for f in ['', 's', '>20s', 'b', '#b', '_b', '#_b', 'x', '#x', 'X', '_x', 'n', '#_n']:
    print(repr(format(a1, f)), repr(format(ip.ip_address('::1'), f)))
show(format, a1, 'd')
print(sorted([ip.ip_network('10.0.0.0/8'), ip.ip_network('10.0.0.0/16'), ip.ip_network('9.0.0.0/8')]))
print(sorted([ip.ip_address('::1'), ip.ip_network('::/8'), ip.ip_address('::')], key=ip.get_mixed_type_key), ip.get_mixed_type_key(5))
print(list(ip.summarize_address_range(ip.IPv4Address('192.0.2.0'), ip.IPv4Address('192.0.2.130'))))
print(list(ip.summarize_address_range(ip.IPv4Address('0.0.0.0'), ip.IPv4Address('255.255.255.255'))))
print(list(ip.summarize_address_range(ip.IPv6Address('::1'), ip.IPv6Address('::9'))))
show(ip.summarize_address_range, ip.IPv4Address('1.0.0.5'), ip.IPv4Address('1.0.0.1'))
show(ip.summarize_address_range, ip.IPv4Address('1.0.0.5'), ip.IPv6Address('::1'))
show(ip.summarize_address_range, ip.ip_network('1.0.0.0/8'), ip.IPv4Address('1.0.0.1'))
nets = [ip.ip_network(x) for x in ['192.0.2.0/25', '192.0.2.128/25', '192.0.3.0/24', '10.0.0.0/8', '10.1.0.0/16', '192.0.5.0/24']]
print(list(ip.collapse_addresses(nets)))
print(list(ip.collapse_addresses([ip.ip_address('1.1.1.%d' % i) for i in (0, 1, 2, 3, 5, 9, 4)])))
print(list(ip.collapse_addresses([ip.ip_interface('1.1.1.1/32'), ip.ip_network('1.1.1.0/32'), ip.ip_address('1.1.1.2')])))
show(ip.collapse_addresses, [ip.ip_address('1.1.1.1'), ip.ip_address('::1')])
show(ip.collapse_addresses, [ip.ip_network('1.1.1.0/24'), ip.ip_network('::/64')])
print(ip.v4_int_to_packed(3232235521), ip.v6_int_to_packed(1))
show(ip.v4_int_to_packed, 2**32)
show(ip.v6_int_to_packed, -1)
print(hash(a1) == hash(ip.IPv4Address('1.2.3.4')), len({a1, ip.IPv4Address('1.2.3.4'), a2}), {ip.ip_network('1.0.0.0/8'): 1}[ip.ip_network('1.0.0.0/8')])
import pickle, copy
print(pickle.loads(pickle.dumps(a1)), copy.copy(ip.ip_network('1.0.0.0/8')), pickle.loads(pickle.dumps(ip.ip_interface('::1/64'))))
print(issubclass(ip.AddressValueError, ValueError), issubclass(ip.NetmaskValueError, ValueError), ip.IPV4LENGTH, ip.IPV6LENGTH)
show(lambda: ip.ip_network('10.0.0.0/30')[4])
show(lambda: ip.ip_network('10.0.0.0/30')[-5])
print(list(ip.ip_network('10.0.0.0/30')), list(ip.ip_network('10.0.0.0/30').hosts()), list(ip.ip_network('10.0.0.0/31').hosts()), ip.ip_network('10.0.0.1/32').hosts())
